# Plots ch04_vanishing.dat (written by ch04_vanishing.cpp) as an SVG for the notes: for each
# activation, the weight gradient's norm (solid) and the back-propagated gradient's norm at the
# pre-activation (dashed), per layer.
# Run as: gnuplot -e "dir='<figures folder>'" ch04_vanishing.gp
set terminal svg size 720,460 dynamic font "Helvetica,13" background "white"
set output dir . "/ch04_vanishing.svg"
set title "Gradient norms per layer at initialisation (10 layers of 64 units)"
set xlabel "layer (1 = closest to the input)"
set ylabel "norm (log scale)"
set logscale y
set format y "10^{%L}"
set xtics 1
set key bottom right
set grid ytics
plot dir . "/ch04_vanishing.dat" using 1:2 with linespoints lw 2 lc 1 pt 7 title "sigmoid ‖dW‖", \
     ""                            using 1:5 with linespoints lw 2 lc 1 dt 2 pt 6 title "sigmoid ‖dZ‖", \
     ""                            using 1:3 with linespoints lw 2 lc 2 pt 5 title "tanh ‖dW‖", \
     ""                            using 1:6 with linespoints lw 2 lc 2 dt 2 pt 4 title "tanh ‖dZ‖", \
     ""                            using 1:4 with linespoints lw 2 lc 3 pt 9 title "ReLU ‖dW‖", \
     ""                            using 1:7 with linespoints lw 2 lc 3 dt 2 pt 8 title "ReLU ‖dZ‖"
