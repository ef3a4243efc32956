/** Project files: reading them with errors that name the place, and writing them atomically. */
package dev.stratus.project;
