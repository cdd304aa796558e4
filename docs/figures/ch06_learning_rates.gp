# Plots ch06_learning_rates.dat (written by ch06_learning_rates.cpp) as an SVG for the notes.
set terminal svg size 720,420 dynamic font "Helvetica,13" background "white"
set output dir . "/ch06_learning_rates.svg"
set title "SGD on f = (x^2 + 10 y^2)/2 from (1, 1): the loss per step"
set xlabel "step"
set ylabel "loss (log scale)"
set logscale y
set format y "10^{%L}"
set key bottom left
set grid ytics
plot dir . "/ch06_learning_rates.dat" using 1:2 with lines lw 2 title "eta = 0.05", \
     ""                                using 1:3 with lines lw 2 title "eta = 0.19 (limit 0.2)", \
     ""                                using 1:4 with lines lw 2 title "eta = 0.21: diverges"
