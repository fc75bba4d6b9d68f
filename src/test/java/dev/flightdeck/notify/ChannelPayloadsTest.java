package dev.flightdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.redact.Redactor;
import dev.flightdeck.session.SessionEvent;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each HTTP channel's exact payload, as a real receiver on 127.0.0.1 gets it, declared in an inventory with secrets from the environment. */
class ChannelPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Notification.SessionFacts FACTS = new Notification.SessionFacts(
            "5f0c-session",
            "Clinic upgrade on clinic.inventory.yaml",
            "Dana Operator",
            "step 4.4 Watch running · 9 of 14 steps done · 12m into a 30m window",
            false);

    private final Receiver slack;
    private final Receiver teams;
    private final Receiver pagerDuty;
    private final Receiver webhook;
    private final RecordingJournal journal = new RecordingJournal();
    private Outbox outbox;

    ChannelPayloadsTest() throws Exception {
        slack = Receiver.accepting();
        teams = Receiver.accepting();
        pagerDuty = Receiver.accepting();
        webhook = Receiver.accepting();
    }

    @BeforeEach
    void openChannels() {
        Inventory inventory = InventoryLoader.load(
                        """
                notifications:
                  deployments: { kind: slack, url: { env: SLACK_DEPLOYMENTS } }
                  management: { kind: teams, url: { env: TEAMS_MANAGEMENT } }
                  support: { kind: pagerduty, routing-key: { env: PD_ROUTING_KEY }, api: %s, severity: error }
                  audit: { kind: webhook, url: %s }
                """.formatted(pagerDuty.url("/v2/enqueue"), webhook.url("/hooks/flightdeck")),
                        "clinic.inventory.yaml")
                .orElseThrow();
        Map<String, String> environment = Map.of(
                "SLACK_DEPLOYMENTS",
                slack.url("/services/T000/B000/slacksecrettoken"),
                "TEAMS_MANAGEMENT",
                teams.url("/webhookb2/teamssecrettoken"),
                "PD_ROUTING_KEY",
                "R0UT1NGKEY0123456789abcdef012345");
        Channels channels = Channels.open(
                inventory.channels(),
                SecretSource.environmentOnly(environment),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(5));
        assertThat(channels.unavailable()).isEmpty();
        var redactor = Redactor.forSecrets(channels.secrets());
        outbox = new Outbox(
                channels.senders(), Map.of(), Outbox.Policy.defaults(), journal, redactor::redact, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        outbox.close();
        List.of(slack, teams, pagerDuty, webhook).forEach(Receiver::close);
    }

    private static Notification alarm(String channel) {
        return new Notification(
                "n-1",
                channel,
                "alarm",
                "Alarm: error_rate > 1% for 10s",
                "Rollback trigger 'error_rate > 1% for 10s' fired (rollback in 15s).",
                FACTS,
                Notification.Urgency.ALERT);
    }

    @Test
    void slackGetsBlocksWithThePlainFallbackText() throws Exception {
        outbox.submit(alarm("deployments"));
        assertThat(json(slack.awaitAccepted(1, Duration.ofSeconds(20)).get(0))).isEqualTo(json("""
                {"text":"Alarm: error_rate > 1% for 10s (Clinic upgrade on clinic.inventory.yaml, operator Dana Operator)",
                 "blocks":[
                  {"type":"header","text":{"type":"plain_text","text":"Alarm: error_rate > 1% for 10s"}},
                  {"type":"section","text":{"type":"plain_text","text":"Rollback trigger 'error_rate > 1% for 10s' fired (rollback in 15s)."}},
                  {"type":"context","elements":[{"type":"plain_text","text":"Session 5f0c-session · Clinic upgrade on clinic.inventory.yaml · operator Dana Operator · step 4.4 Watch running · 9 of 14 steps done · 12m into a 30m window"}]}]}
                """));
        assertThat(slack.acceptedHeaders()).containsExactly("application/json /services/T000/B000/slacksecrettoken");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithFallbackTextAndTheSessionFacts() throws Exception {
        outbox.submit(alarm("management"));
        assertThat(json(teams.awaitAccepted(1, Duration.ofSeconds(20)).get(0))).isEqualTo(json("""
                {"type":"message","summary":"Alarm: error_rate > 1% for 10s (Clinic upgrade on clinic.inventory.yaml, operator Dana Operator)",
                 "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
                   "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
                   "fallbackText":"Alarm: error_rate > 1% for 10s (Clinic upgrade on clinic.inventory.yaml, operator Dana Operator)",
                   "body":[
                    {"type":"TextBlock","text":"Alarm: error_rate > 1% for 10s","weight":"Bolder","size":"Medium","wrap":true},
                    {"type":"TextBlock","text":"Rollback trigger 'error_rate > 1% for 10s' fired (rollback in 15s).","wrap":true},
                    {"type":"FactSet","facts":[
                      {"title":"Session","value":"5f0c-session"},
                      {"title":"System","value":"Clinic upgrade on clinic.inventory.yaml"},
                      {"title":"Operator","value":"Dana Operator"},
                      {"title":"State","value":"step 4.4 Watch running · 9 of 14 steps done · 12m into a 30m window"}]}]}}]}
                """));
    }

    @Test
    void pagerDutyTriggersTheSessionsIncidentAndAFinishedRollbackResolvesTheSameDedupKey() throws Exception {
        outbox.submit(alarm("support"));
        outbox.submit(new Notification(
                "n-2",
                "support",
                "rollback-finished",
                "Rollback finished: succeeded",
                "rolled back and verified",
                FACTS,
                Notification.Urgency.RESOLVE));
        List<String> events = pagerDuty.awaitAccepted(2, Duration.ofSeconds(20));
        assertThat(json(events.get(0))).isEqualTo(json("""
                {"routing_key":"R0UT1NGKEY0123456789abcdef012345","event_action":"trigger","dedup_key":"flightdeck-5f0c-session",
                 "payload":{"summary":"Alarm: error_rate > 1% for 10s (Clinic upgrade on clinic.inventory.yaml, operator Dana Operator)",
                   "source":"Clinic upgrade on clinic.inventory.yaml","severity":"error","component":"flightdeck","group":"alarm",
                   "custom_details":{"text":"Rollback trigger 'error_rate > 1% for 10s' fired (rollback in 15s).","session":"5f0c-session",
                     "operator":"Dana Operator","state":"step 4.4 Watch running · 9 of 14 steps done · 12m into a 30m window"}}}
                """));
        assertThat(json(events.get(1))).isEqualTo(json("""
                {"routing_key":"R0UT1NGKEY0123456789abcdef012345","event_action":"resolve","dedup_key":"flightdeck-5f0c-session"}
                """));
        assertThat(pagerDuty.acceptedHeaders()).allMatch(h -> h.endsWith("/v2/enqueue"));
    }

    @Test
    void theGenericWebhookGetsOneFlatJsonObject() throws Exception {
        outbox.submit(alarm("audit"));
        assertThat(json(webhook.awaitAccepted(1, Duration.ofSeconds(20)).get(0)))
                .isEqualTo(json("""
                {"id":"n-1","topic":"alarm","subject":"Alarm: error_rate > 1% for 10s",
                 "text":"Rollback trigger 'error_rate > 1% for 10s' fired (rollback in 15s).","session":"5f0c-session",
                 "system":"Clinic upgrade on clinic.inventory.yaml","operator":"Dana Operator",
                 "state":"step 4.4 Watch running · 9 of 14 steps done · 12m into a 30m window","rehearsal":false,"urgency":"alert"}
                """));
    }

    @Test
    void theJournalGetsIntentAndResultButNeverAWebhookUrlOrRoutingKey() throws Exception {
        for (String channel : List.of("deployments", "management", "support", "audit")) {
            outbox.submit(alarm(channel));
        }
        List<SessionEvent.NotificationResult> results = journal.awaitResults(4, Duration.ofSeconds(20));
        assertThat(results)
                .extracting(SessionEvent.NotificationResult::status)
                .containsOnly(SessionEvent.Status.SUCCEEDED);
        assertThat(results)
                .extracting(SessionEvent.NotificationResult::attempts)
                .containsOnly(1);
        String journaled = journal.events().toString();
        assertThat(journaled).doesNotContain("slacksecrettoken", "teamssecrettoken", "R0UT1NGKEY", "/services/");
        assertThat(journal.events().get(0)).isInstanceOf(SessionEvent.NotificationQueued.class);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
