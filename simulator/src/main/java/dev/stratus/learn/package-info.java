/**
 * Teaching content and guided experiments for learners: the concepts of serverless computing
 * explained in each provider's own words ({@link dev.stratus.learn.Concept}, {@link
 * dev.stratus.learn.Words}), and experiments that run a design twice (or once per provider) with one
 * change and say in numbers what changed and why ({@link dev.stratus.learn.Experiment}, {@link
 * dev.stratus.learn.Experiments}). Pure Java: the studio's Learn panel and {@code stratus experiment}
 * both use it.
 */
package dev.stratus.learn;
