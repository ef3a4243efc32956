/**
 * The learner's views: the Learn panel, the concepts of serverless computing in the current
 * provider's words with a "Show me" for each, and the guided experiments, run side by side. What
 * they show comes from {@link dev.stratus.learn}; playing a moment or a variant back is the caller's,
 * through the callbacks the views take.
 */
package dev.stratus.app.learn;
