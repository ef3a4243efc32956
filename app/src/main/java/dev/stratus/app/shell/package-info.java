/**
 * The studio's frame around the canvas: menu bar, status bar and the open document. It holds no
 * stage and shows no dialogs, so the same frame can be drawn headless into a picture.
 */
package dev.stratus.app.shell;
