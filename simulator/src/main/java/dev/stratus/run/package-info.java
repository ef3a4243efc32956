/**
 * A run as the studio and {@code stratus simulate} make it: a design simulated under its settings,
 * priced, compared with always-on servers and, when asked, with every provider; and the result
 * written as JSON or CSV. One code path for both, so their figures agree exactly.
 */
package dev.stratus.run;
