/**
 * The simulation of a whole design: triggers, the API gateway, functions, services and queues, as
 * one discrete-event run over the engine's event queue and function pools.
 */
package dev.stratus.sim.graph;
