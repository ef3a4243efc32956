/**
 * The inspector: the properties of the selected node or edge (or of the project), edited through
 * undoable commands, with the Validator's problems flagged where the value is typed.
 */
package dev.stratus.app.inspector;
