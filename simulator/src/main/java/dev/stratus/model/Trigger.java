package dev.stratus.model;

/**
 * A source of events from outside the design: the place a workload attaches. Each trigger starts a
 * function (or, for HTTP, the API gateway).
 */
public sealed interface Trigger extends Node
        permits HttpTrigger, ScheduleTrigger, QueueTrigger, StorageTrigger, StreamTrigger, TopicTrigger {}
