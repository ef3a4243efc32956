/** The studio's look: the AtlantaFX Primer theme plus the Stratus stylesheet for the canvas. */
package dev.stratus.app.theme;
