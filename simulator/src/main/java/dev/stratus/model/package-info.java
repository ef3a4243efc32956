/**
 * The architecture model: immutable records for the nodes and edges of a serverless design, the
 * workloads at its entry triggers, and the {@link dev.stratus.model.Project} that holds them with the
 * target provider, simulation settings and canvas layout. No UI toolkit, no mutable state.
 */
package dev.stratus.model;
