# Plots ch01_step.dat (written by ch01_step.cpp) as an SVG for the notes: the relative error of
# numerical derivatives of sin at x = 1 against the step h, both axes logarithmic.
# Run as: gnuplot -e "dir='<figures folder>'" ch01_step.gp
set terminal svg size 720,440 dynamic font "Helvetica,13" background "white"
set output dir . "/ch01_step.svg"
set title "d/dx sin x at x = 1: relative error against the step h"
set xlabel "step h (log scale)"
set ylabel "relative error (log scale)"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [1e-12:1]
set yrange [1e-13:2]
set key bottom right
set grid xtics ytics
plot dir . "/ch01_step.dat" using 1:2 with linespoints lw 2 pt 7 ps 0.6 title "central difference, double", \
     ""                      using 1:3 with linespoints lw 2 pt 5 ps 0.6 title "central difference, float", \
     ""                      using 1:4 with linespoints lw 2 pt 9 ps 0.6 title "forward difference, double", \
     1e-6 with lines dt 2 lc rgb "gray" title "the checker's tolerance, 1e-6"
