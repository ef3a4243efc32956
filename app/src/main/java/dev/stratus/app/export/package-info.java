/** File → Export Project: a preview of the exported files for each cloud, written to a folder. */
package dev.stratus.app.export;
