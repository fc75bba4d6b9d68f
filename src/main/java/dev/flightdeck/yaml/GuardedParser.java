package dev.flightdeck.yaml;

import dev.flightdeck.diagnostic.Position;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Sits between the YAML parser and the composer and refuses, at the place they start, what no runbook or inventory
 * needs and what could knock the reader over: nesting deeper than {@link #MAX_DEPTH} (the composer recurses per
 * level), more than {@link #MAX_ALIASES} aliases, and tags other than YAML's plain ones ({@code !!java...}).
 * The parser itself is a state machine, so reading up to the refusal takes time linear in the file.
 */
final class GuardedParser implements Parser {

    static final int MAX_DEPTH = 100;
    static final int MAX_ALIASES = 50;
    private static final Set<String> PLAIN_TAGS = Set.of(
            "!",
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:seq",
            "tag:yaml.org,2002:map");

    /** A limit was reached; the message says which, in words, and where. */
    static final class Refused extends RuntimeException {
        final Position position;

        Refused(Optional<Mark> mark, String message) {
            super(message, null, false, false);
            this.position = mark.map(YamlNode::toPosition).orElse(new Position(1, 1));
        }
    }

    private final Parser parser;
    private int depth;
    private int aliases;

    GuardedParser(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        if (event instanceof CollectionStartEvent start) {
            checkTag(start.getTag(), event);
            if (++depth > MAX_DEPTH) {
                throw new Refused(
                        event.getStartMark(),
                        "the file nests lists and mappings more than " + MAX_DEPTH
                                + " levels deep here; a runbook needs a handful (flatten it)");
            }
        } else if (event instanceof CollectionEndEvent) {
            depth--;
        } else if (event instanceof ScalarEvent scalar) {
            checkTag(scalar.getTag(), event);
        } else if (event instanceof AliasEvent) {
            if (++aliases > MAX_ALIASES) {
                throw new Refused(
                        event.getStartMark(),
                        "the file uses more than " + MAX_ALIASES + " aliases (*name); write the values out instead");
            }
        }
        return event;
    }

    private static void checkTag(Optional<String> tag, Event event) {
        if (tag.isPresent() && !PLAIN_TAGS.contains(tag.get())) {
            String shown = tag.get().startsWith("tag:yaml.org,2002:")
                    ? "!!" + tag.get().substring("tag:yaml.org,2002:".length())
                    : tag.get();
            throw new Refused(
                    event.getStartMark(),
                    "the tag '" + shown + "' is not allowed: a runbook holds only text, numbers,"
                            + " lists and mappings; remove the tag");
        }
    }
}
