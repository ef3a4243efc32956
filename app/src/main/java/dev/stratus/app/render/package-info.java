/**
 * Pictures without a window: {@link dev.stratus.app.render.PngRenderer} starts JavaFX on headless
 * Monocle when it is not running yet and writes a diagram, or the whole studio, as a PNG file.
 */
package dev.stratus.app.render;
