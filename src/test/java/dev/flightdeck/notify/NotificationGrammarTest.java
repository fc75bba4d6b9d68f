package dev.flightdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.inventory.NotificationChannel;
import dev.flightdeck.inventory.SecretRef;
import dev.flightdeck.runbook.LifecycleEvent;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.runbook.StepAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Channels, subscriptions and notify steps as written: what they mean, and line-numbered problems when they are wrong. */
class NotificationGrammarTest {

    @Test
    void aRunbookSubscribesChannelsAndNotifyStepsNameThem() {
        Runbook runbook =
                RunbookLoader.load("""
                runbook: Cutover
                notifications:
                  alarm: [support, deployments]
                  rollback-finished: management
                phases:
                  - id: go
                    steps:
                      - id: status
                        notify: { to: [deployments, management], audience: engineering and management, message: "T+0: cutover started" }
                """, "cutover.runbook.yaml", "cutover").orElseThrow();
        assertThat(runbook.notifications().channelsFor(LifecycleEvent.ALARM)).containsExactly("support", "deployments");
        assertThat(runbook.notifications().channelsFor(LifecycleEvent.ROLLBACK_FINISHED))
                .containsExactly("management");
        assertThat(runbook.step("status").orElseThrow().action())
                .isEqualTo(new StepAction.Notify(
                        "T+0: cutover started",
                        "engineering and management",
                        List.of("deployments", "management"),
                        Optional.empty()));
    }

    @Test
    void anUnknownLifecycleEventAndAChannelThatIsNotANameAreReportedAtTheirLines() {
        Parsed<Runbook> parsed = RunbookLoader.load("""
                runbook: Cutover
                notifications:
                  alarms: [support]
                phases:
                  - id: go
                    steps:
                      - id: status
                        notify: { to: "engineering (Slack #deployments)", message: started }
                """, "cutover.runbook.yaml", "cutover");
        assertThat(parsed.errors())
                .extracting(Problem::format)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("cutover.runbook.yaml:3:")
                        .contains("alarms")
                        .contains("alarm"));
        assertThat(parsed.errors())
                .extracting(Problem::format)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("cutover.runbook.yaml:8:")
                        .contains("names notification channels", "audience:"));
    }

    @Test
    void theInventoryDeclaresChannelsWithSecretsByReferenceOnly() {
        Inventory inventory = InventoryLoader.load("""
                notifications:
                  deployments: { kind: slack, url: { env: SLACK_URL } }
                  management:
                    kind: email
                    smtp: mail.clinic.example
                    from: flightdeck@clinic.example
                    to: [it@clinic.example]
                    user: flightdeck
                    password: prompt
                  support: { kind: pagerduty, routing-key: { file: ~/.flightdeck/pagerduty.key } }
                """, "clinic.inventory.yaml").orElseThrow();
        assertThat(inventory.channelNames()).containsExactly("deployments", "management", "support");
        NotificationChannel.Email email =
                (NotificationChannel.Email) inventory.channel("management").orElseThrow();
        assertThat(email.port()).isEqualTo(587);
        assertThat(email.tls()).isEqualTo(NotificationChannel.Email.Tls.STARTTLS);
        assertThat(email.password().orElseThrow().source()).isEqualTo(SecretRef.Source.PROMPT);
        NotificationChannel.PagerDuty pager =
                (NotificationChannel.PagerDuty) inventory.channel("support").orElseThrow();
        assertThat(pager.api()).isEqualTo(NotificationChannel.PagerDuty.DEFAULT_API);
        assertThat(pager.routingKey()).isEqualTo(new SecretRef(SecretRef.Source.FILE, "~/.flightdeck/pagerduty.key"));
    }

    @Test
    void aSecretWrittenInTheInventoryAndAnUnknownKindAreRefusedAtTheirLines() {
        Parsed<Inventory> parsed = InventoryLoader.load("""
                notifications:
                  deployments:
                    kind: slack
                    url: https://hooks.slack.com/services/T000/B000/XXXX
                  pager: { kind: pagerdutty, routing-key: { env: KEY } }
                """, "clinic.inventory.yaml");
        assertThat(parsed.errors())
                .extracting(Problem::format)
                .containsExactly(
                        "clinic.inventory.yaml:4:10: 'url' of channel 'deployments' is a secret: write { env: NAME }, { file: PATH } or prompt, never the value itself",
                        "clinic.inventory.yaml:5:10: channel 'pager' needs 'kind:' with one of [slack, teams, pagerduty, email, webhook], not 'pagerdutty' (did you mean 'pagerduty'?)");
    }

    @Test
    void withAnInventoryAChannelItDoesNotDeclareIsAWarningSinceTheSettingsMayDeclareIt() {
        Runbook runbook =
                RunbookLoader.load("""
                runbook: Cutover
                notifications:
                  alarm: [suport]
                phases:
                  - id: go
                    steps:
                      - id: status
                        notify: { to: [deployments], message: started }
                """, "cutover.runbook.yaml", "cutover").orElseThrow();
        Inventory inventory = InventoryLoader.load(
                        "notifications:\n  support: { kind: webhook, url: https://hooks.clinic.example/x }\n",
                        "clinic.inventory.yaml")
                .orElseThrow();
        Problems problems = new Problems("cutover.runbook.yaml");
        new RunbookValidator(problems).checkTargets(runbook, inventory);
        assertThat(problems.sorted())
                .extracting(Problem::format)
                .containsExactly(
                        "cutover.runbook.yaml:3:3: warning: notifications of 'alarm' go to channel 'suport', which clinic.inventory.yaml (nor, perhaps, the settings) does not declare (did you mean 'support'?)",
                        "cutover.runbook.yaml:7:9: warning: step 'status' notifies channel 'deployments', which clinic.inventory.yaml (nor, perhaps, the settings) does not declare");
    }

    @Test
    void theSettingsFileDeclaresChannelsAndSubscriptionsForEverySession() {
        Parsed<NotificationSettings> parsed = NotificationSettings.parse("""
                channels:
                  on-call: { kind: teams, url: { env: TEAMS_ON_CALL } }
                subscribe:
                  alarm: on-call
                  window-overrun: [on-call]
                """, "notifications.yaml");
        assertThat(parsed.problems()).isEmpty();
        NotificationSettings settings = parsed.orElseThrow();
        assertThat(settings.channels()).extracting(NotificationChannel::name).containsExactly("on-call");
        assertThat(settings.subscriptions().channelsFor(LifecycleEvent.WINDOW_OVERRUN))
                .containsExactly("on-call");
    }
}
