/** The container model of a function: warm and cold instances, keep-alive, limits and routing. */
package dev.stratus.sim.pool;
