/** The results of a simulation: immutable records, ready to print or to write as JSON. */
package dev.stratus.sim.result;
