/** The bill of a simulated design, the memory sweep, and the comparison with always-on servers. */
package dev.stratus.cost;
