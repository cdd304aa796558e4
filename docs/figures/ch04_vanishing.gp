# Plots ch04_vanishing.dat (written by ch04_vanishing.cpp) as an SVG for the notes.
# Run as: gnuplot -e "dir='<figures folder>'" ch04_vanishing.gp
set terminal svg size 720,420 dynamic font "Helvetica,13" background "white"
set output dir . "/ch04_vanishing.svg"
set title "Weight-gradient norm per layer at initialisation (10 layers of 64 units)"
set xlabel "layer (1 = closest to the input)"
set ylabel "norm of dL/dW (log scale)"
set logscale y
set format y "10^{%L}"
set xtics 1
set key bottom right
set grid ytics
plot dir . "/ch04_vanishing.dat" using 1:2 with linespoints lw 2 pt 7 title "sigmoid", \
     ""                            using 1:3 with linespoints lw 2 pt 5 title "tanh", \
     ""                            using 1:4 with linespoints lw 2 pt 9 title "ReLU"
