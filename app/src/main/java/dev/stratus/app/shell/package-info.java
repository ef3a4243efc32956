/**
 * The studio's frame around the canvas: menus, toolbar, palette, inspector, problems and status
 * bar around one editor model, plus the small files the studio keeps for a person (recent files,
 * the recovery file) and the new-design gallery. The frame holds no stage and shows no dialogs, so
 * it can be drawn headless into a picture.
 */
package dev.stratus.app.shell;
