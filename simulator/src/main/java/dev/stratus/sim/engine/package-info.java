/** The discrete-event engine: the event queue, event kinds, and the run loop's contracts. */
package dev.stratus.sim.engine;
