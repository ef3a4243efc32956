package dev.stratus.sim.result;

/** Calls to one service, and how many it throttled for being over its capacity. */
public record ServiceResult(String id, String name, String kind, long calls, long throttles) {}
