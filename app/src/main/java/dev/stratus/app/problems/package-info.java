/** The problems list: the Validator's findings for the open project, live, errors first. */
package dev.stratus.app.problems;
