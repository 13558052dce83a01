package dev.tora.api.live;

import dev.tora.core.application.live.LiveService;
import dev.tora.core.config.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The open event streams, and their heartbeat (every 15 s unless TORA_EVENTS_HEARTBEAT says otherwise). */
@ApplicationScoped
public class EventStreams {

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private LiveService live;

    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        long seconds = Long.parseLong(Setting.EVENTS_HEARTBEAT.require());
        heartbeat = scheduler.scheduleAtFixedRate(this::beat, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.cancel(false);
        open.forEach(EventStream::close);
    }

    void add(EventStream stream) {
        open.add(stream);
    }

    void remove(EventStream stream) {
        open.remove(stream);
        live.unsubscribe(stream.experiments(), stream);
    }

    private void beat() {
        for (EventStream s : open) {
            if (s.isClosed()) {
                s.close();
            } else {
                s.heartbeat();
            }
        }
    }
}
