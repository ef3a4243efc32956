/** Editing: the studio's view model of the open project, its selection, and the undo stack of edits. */
package dev.stratus.app.edit;
