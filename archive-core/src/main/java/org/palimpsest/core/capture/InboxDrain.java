package org.palimpsest.core.capture;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.loop.LoopThread;

/**
 * This node's placer of accepted captures, unless {@code palimpsest.capture.inbox.drain-enabled} is false: threads
 * ({@code threads}, two by default) that each claim the oldest waiting captures (a round), store them as a batch is
 * stored — a group a source, one transaction each — and wait for the next accepted capture or the poll interval. A
 * capture the archive refuses keeps its problem for its address to answer; one that could not be stored for a failure
 * of the database or the blob store is tried again later. Nothing is lost when the node stops: its rows stay in the
 * inbox, and their leases are given up when a node starts again.
 */
@ApplicationScoped
public class InboxDrain {
    private static final Logger LOG = Logger.getLogger(InboxDrain.class);
    private final CaptureInbox inbox;
    private final CaptureService captures;
    private final InboxWakeUp wakeUp;
    private final CaptureConfig.Inbox config;
    private final List<LoopThread> loops = new ArrayList<>();

    public InboxDrain(CaptureInbox inbox, CaptureService captures, InboxWakeUp wakeUp, CaptureConfig config) {
        this.inbox = inbox;
        this.captures = captures;
        this.wakeUp = wakeUp;
        this.config = config.inbox();
    }

    void start(@Observes StartupEvent event) {
        if (!config.drainEnabled()) {
            return;
        }
        try {
            inbox.releaseAll(); // leases a node that stopped mid-round left: placing a capture twice does no harm
        } catch (RuntimeException e) {
            LOG.warnf("could not give up the inbox's leases (they run out by themselves): %s", e.getMessage());
        }
        for (int i = 0; i < config.threads(); i++) {
            LoopThread loop = new LoopThread("palimpsest-inbox-" + i);
            loops.add(loop);
            loop.start(() -> run(loop));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (LoopThread loop : loops) {
            loop.stop();
        }
    }

    private void run(LoopThread loop) {
        try {
            while (loop.running()) {
                long started = System.nanoTime();
                int placed = 0;
                try {
                    placed = round();
                } catch (RuntimeException e) {
                    LOG.warnf("placing accepted captures failed, will try again: %s", e.getMessage());
                }
                if (placed == 0) {
                    wakeUp.await(config.pollEvery());
                } else {
                    LoopThread.restOf(config.minRoundInterval(), started);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "the inbox thread stopped: accepted captures wait until the application is restarted");
        }
    }

    /** Places one round of accepted captures; answers how many it claimed. */
    int round() {
        List<AcceptedCapture> round = inbox.claim(config.roundCaptures(), config.roundBytes().asLongValue(),
                config.lease());
        if (round.isEmpty()) {
            return 0;
        }
        List<CaptureService.Outcome> outcomes = captures.ingestAccepted(round);
        Map<UUID, ArchiveException> refused = new HashMap<>();
        List<UUID> again = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            RuntimeException failure = outcomes.get(i).failure();
            if (failure instanceof ArchiveException a && a.kind() != ProblemKind.UNAVAILABLE) {
                refused.put(round.get(i).id(), a);
            } else if (failure != null) {
                LOG.warnf("accepted capture %s could not be stored, will try again: %s", round.get(i).id(),
                        failure.getMessage());
                again.add(round.get(i).id());
            }
        }
        inbox.refused(refused);
        inbox.release(again, config.retryAfter());
        return round.size();
    }
}
