/** Automatic placement of a design's nodes on the canvas, kept apart from the model records. */
package dev.stratus.layout;
