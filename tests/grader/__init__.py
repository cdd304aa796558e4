"""The course's command-line tools: grader, project check, catalogue of wrong answers.

Standard library only (Python 3.11: tomllib, xml.etree, argparse), so nothing to install.
"""
