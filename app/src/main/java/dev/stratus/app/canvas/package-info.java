/**
 * The diagram canvas. {@link dev.stratus.app.canvas.DiagramView} draws a project's architecture as
 * one {@link dev.stratus.app.canvas.NodeView} per node (a view per node kind family) and one {@link
 * dev.stratus.app.canvas.EdgeView} per edge, at the positions of the project's layout, which is kept
 * beside the model and keyed by node id; {@link dev.stratus.app.canvas.DiagramDrawing} makes and keeps
 * those views, and the view owns the pan and zoom. {@link dev.stratus.app.canvas.DiagramEditor} is
 * the canvas's view model: every editing command and the clipboard, changing the project only
 * through the undo stack; {@link dev.stratus.app.canvas.CanvasGestures} turns the mouse and keys
 * into its commands. {@link dev.stratus.app.canvas.CanvasLayer}s draw overlays (simulation results,
 * playback) above or below the design, following its views. The model itself is never changed here
 * but through edits.
 */
package dev.stratus.app.canvas;
