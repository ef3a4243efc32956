/** Validation: the problems of a design, as a person would want them told. */
package dev.stratus.validate;
