/**
 * Watch mode, the learner's view: a recorded window of the simulation played on the canvas, with
 * containers as chips beside their functions, requests as dots along the edges, a timeline under the
 * canvas, and explanations of what the pointer rests on. The recording is the simulator's ({@link
 * dev.stratus.run.WatchRun}); {@link dev.stratus.app.watch.Playback} replays it without JavaFX, and
 * the layer and the bar draw it.
 */
package dev.stratus.app.watch;
