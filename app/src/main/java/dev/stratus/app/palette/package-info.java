/**
 * The palette: every kind of node, grouped by role, to drag onto the canvas or double-click to add.
 */
package dev.stratus.app.palette;
