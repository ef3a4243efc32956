/**
 * The {@code stratus} command line (picocli): every action of the studio besides drawing, for
 * scripts and tests. Errors are one line on stderr; exit codes are 0, 1 (problems) and 2 (unusable).
 */
package dev.stratus.cli;
