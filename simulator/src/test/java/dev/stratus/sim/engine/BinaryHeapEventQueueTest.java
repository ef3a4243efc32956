package dev.stratus.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BinaryHeapEventQueueTest {

    record Event(long time, int priority, long sequence, int target) {}

    @Property(tries = 300)
    void eventsComeOutByTimeThenPriorityThenInsertionOrder(
            @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 50) Long> times,
            @ForAll @IntRange(min = 0, max = 3) int priorities) {
        BinaryHeapEventQueue queue = new BinaryHeapEventQueue(4);
        List<Event> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            int priority = (int) (times.get(i) * 7 + i) % (priorities + 1);
            queue.add(times.get(i), priority, 0, i, i * 10L);
            expected.add(new Event(times.get(i), priority, i, i));
        }
        expected.sort(Comparator.comparingLong(Event::time)
                .thenComparingInt(Event::priority)
                .thenComparingLong(Event::sequence));
        List<Event> actual = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.poll();
            assertThat(queue.data()).isEqualTo(queue.target() * 10L);
            actual.add(new Event(queue.time(), expected.get(actual.size()).priority(), queue.target(), queue.target()));
        }
        assertThat(actual)
                .extracting(Event::target)
                .containsExactlyElementsOf(expected.stream().map(Event::target).toList());
    }

    @Property(tries = 100)
    void interleavedAddsAndPollsKeepOrder(@ForAll @Size(min = 1, max = 500) List<@LongRange(max = 1_000) Long> deltas) {
        BinaryHeapEventQueue queue = new BinaryHeapEventQueue();
        long now = 0;
        for (long delta : deltas) {
            queue.add(now + delta, 0, 1, 0, 0);
            queue.add(now + delta / 2, 0, 1, 0, 0);
            queue.poll();
            assertThat(queue.time()).isGreaterThanOrEqualTo(now);
            now = queue.time();
        }
    }

    @Test
    void peekTimeOfAnEmptyQueueIsTheEndOfTime() {
        BinaryHeapEventQueue queue = new BinaryHeapEventQueue();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
        queue.add(5, 0, 0, 0, 0);
        assertThat(queue.peekTime()).isEqualTo(5);
        assertThat(queue.size()).isEqualTo(1);
        queue.poll();
        assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsCarryTheirKindTargetAndData() {
        BinaryHeapEventQueue queue = new BinaryHeapEventQueue();
        queue.add(10, 1, 7, 42, -3);
        queue.poll();
        assertThat(queue.kind()).isEqualTo(7);
        assertThat(queue.target()).isEqualTo(42);
        assertThat(queue.data()).isEqualTo(-3);
    }
}
