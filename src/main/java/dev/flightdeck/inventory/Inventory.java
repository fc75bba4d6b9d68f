package dev.flightdeck.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The named targets of a window: hosts (and their groups), databases, endpoints, notification channels, and values for variables. */
public record Inventory(
        List<HostEntry> hosts,
        List<DatabaseEntry> databases,
        List<EndpointEntry> endpoints,
        Map<String, String> vars,
        List<NotificationChannel> channels,
        String origin,
        Optional<PrometheusServer> prometheus) {

    /** {@code on: local} runs on the operator's own machine; no inventory host may take this name. */
    public static final String LOCAL = "local";

    public Inventory {
        hosts = List.copyOf(hosts);
        databases = List.copyOf(databases);
        endpoints = List.copyOf(endpoints);
        vars = Map.copyOf(vars);
        channels = List.copyOf(channels);
    }

    /** An inventory without a Prometheus server. */
    public Inventory(
            List<HostEntry> hosts,
            List<DatabaseEntry> databases,
            List<EndpointEntry> endpoints,
            Map<String, String> vars,
            List<NotificationChannel> channels,
            String origin) {
        this(hosts, databases, endpoints, vars, channels, origin, Optional.empty());
    }

    /** An inventory without notification channels. */
    public Inventory(
            List<HostEntry> hosts,
            List<DatabaseEntry> databases,
            List<EndpointEntry> endpoints,
            Map<String, String> vars,
            String origin) {
        this(hosts, databases, endpoints, vars, List.of(), origin);
    }

    /** The notification channel of that name ({@code notifications:}). */
    public Optional<NotificationChannel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Set<String> channelNames() {
        Set<String> names = new LinkedHashSet<>();
        channels.forEach(c -> names.add(c.name()));
        return names;
    }

    public static Inventory empty() {
        return new Inventory(List.of(), List.of(), List.of(), Map.of(), "(no inventory)");
    }

    public Optional<HostEntry> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<DatabaseEntry> database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<EndpointEntry> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The groups a metrics source belongs to: those of the host or endpoint of that name, or of the host a host part
     * belongs to ({@code app1:/var}). Canary rules compare groups by this.
     */
    public Set<String> groupsOf(String source) {
        String name = source;
        Optional<EndpointEntry> endpoint = endpoint(name);
        if (endpoint.isPresent()) {
            return Set.copyOf(endpoint.get().groups());
        }
        int part = name.indexOf(':');
        if (host(name).isEmpty() && part > 0) {
            name = name.substring(0, part);
        }
        return host(name)
                .map(h -> (Set<String>) new LinkedHashSet<>(h.groups()))
                .orElse(Set.of());
    }

    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        hosts.forEach(h -> groups.addAll(h.groups()));
        return groups;
    }

    /** The hosts a step's {@code on:} means: the host of that name, or every host in that group, in inventory order. */
    public List<HostEntry> resolveTarget(String target) {
        Optional<HostEntry> single = host(target);
        if (single.isPresent()) {
            return List.of(single.get());
        }
        return hosts.stream().filter(h -> h.groups().contains(target)).toList();
    }

    /** Every name a step's {@code on:} may use. */
    public Set<String> targetNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(LOCAL);
        hosts.forEach(h -> names.add(h.name()));
        names.addAll(groups());
        return names;
    }
}
