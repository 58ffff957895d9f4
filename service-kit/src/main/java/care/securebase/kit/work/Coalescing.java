package care.securebase.kit.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs a draining task at most once at a time, however many callers ask. A request that arrives
 * while it runs is not dropped: the running caller goes round once more, so whatever was added
 * before the request is always drained. Used where work is both polled (the safety net) and
 * woken the moment it appears ({@link #soon()}, the fast path).
 */
public final class Coalescing implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Coalescing.class);

    private final String name;
    private final Runnable task;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    // Its own thread: the caller (often a request that just committed) must not wait for the round,
    // and a pool that propagates context would carry the caller's finished transaction along.
    private final ExecutorService background;

    public Coalescing(String name, Runnable task) {
        this.name = name;
        this.task = task;
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Drains now on this thread, or leaves it to the caller that is draining already. */
    public void run() {
        requested.set(true);
        // Re-checked after unlocking: a request made between the last round and unlock() would be lost.
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    task.run();
                }
            } finally {
                running.unlock();
            }
        }
    }

    /** Drains on the background thread; at most one round waits there, however many ask. */
    public void soon() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                queued.set(false);
                try {
                    run();
                } catch (RuntimeException e) {
                    // The poll tries again; the class only, as a message may quote row content.
                    LOG.warnf("%s round failed, left to the next poll: %s", name, e.getClass().getName());
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // closed: the application is stopping
        }
    }

    @Override
    public void close() {
        background.shutdown();
    }
}
