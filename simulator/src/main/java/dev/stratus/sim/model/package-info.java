/** {@code stratus model}: one function under a stationary load, the question SimFaaS answers. */
package dev.stratus.sim.model;
