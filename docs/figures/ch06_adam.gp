# Plots ch06_adam.dat (written by ch06_adam.cpp) as an SVG for the notes: how much larger Adam's
# step is without bias correction than with it, for a constant gradient, at every step.
# Run as: gnuplot -e "dir='<figures folder>'" ch06_adam.gp
set terminal svg size 720,400 dynamic font "Helvetica,13" background "white"
set output dir . "/ch06_adam.svg"
set title "Adam on a constant gradient: step without bias correction / step with it"
set xlabel "step t (log scale)"
set ylabel "ratio of the step sizes"
set logscale x
set xrange [1:3000]
set yrange [0:7]
set grid xtics ytics
set key off
plot dir . "/ch06_adam.dat" using 1:2 with lines lw 2, 1 with lines dt 2 lc rgb "gray"
