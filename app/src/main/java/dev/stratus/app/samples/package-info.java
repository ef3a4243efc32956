/**
 * The sample projects packaged with the studio under {@code /dev/stratus/samples/}, listed by their
 * {@code index.json}.
 */
package dev.stratus.app.samples;
