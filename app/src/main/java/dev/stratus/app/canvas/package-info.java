/**
 * The diagram canvas: {@link dev.stratus.app.canvas.DiagramView} draws a project's architecture as
 * one {@link dev.stratus.app.canvas.NodeView} per node (a view per node kind family) and one {@link
 * dev.stratus.app.canvas.EdgeView} per edge, at the positions of the project's layout, which is kept
 * beside the model and keyed by node id. The model itself is never changed here.
 */
package dev.stratus.app.canvas;
