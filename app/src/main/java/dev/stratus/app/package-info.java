/**
 * The Stratus desktop studio: {@link dev.stratus.app.StudioApp} opens a window on a project and
 * wires the menus to opening and saving files. The canvas, the shell around it, the sample catalogue
 * and headless pictures live in the sub-packages, one feature each.
 */
package dev.stratus.app;
