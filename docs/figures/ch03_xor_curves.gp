# Plots ch03_xor_curves.dat (written by ch03_xor_curves.cpp) as an SVG for the notes.
set terminal svg size 720,420 dynamic font "Helvetica,13" background "white"
set output dir . "/ch03_xor_curves.svg"
set title "Linear model on XOR, learning rate 0.5: the loss per step"
set xlabel "step"
set ylabel "mean squared error (log scale)"
set logscale y
set format y "10^{%L}"
set key top left
set grid ytics
plot dir . "/ch03_xor_curves.dat" using 1:2 with linespoints lw 2 pt 7 title "correct gradient: down to 0.25", \
     ""                            using 1:3 with linespoints lw 2 pt 5 title "the source's update (factor 1/m): climbs", \
     ""                            using 1:4 with linespoints lw 2 pt 9 title "the catalogue's version (factor 2/m): climbs faster"
