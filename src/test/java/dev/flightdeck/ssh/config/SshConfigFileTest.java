package dev.flightdeck.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigFileTest {

    private static final SshConfigFile CONFIG = SshConfigFile.parse(String.join(
            "\n",
            "# operator's config",
            "Host web1 web2",
            "    HostName %h.clinic.example",
            "    User deploy",
            "    IdentityFile ~/.ssh/web_key",
            "Host *.internal !secret.internal",
            "    ProxyJump ops@bastion.clinic.example:2222",
            "Host web1",
            "    User ignored-because-first-value-wins",
            "    Port=2200",
            "Host *",
            "    IdentityFile \"~/.ssh/id with space\"",
            "    User everyone",
            ""));

    @Test
    void firstValueWinsAndIdentityFilesAccumulateAcrossMatchingBlocks() {
        SshConfigEntry web1 = CONFIG.lookup("web1");

        assertThat(web1.hostName()).contains("web1.clinic.example");
        assertThat(web1.user()).contains("deploy");
        assertThat(web1.port()).contains(2200);
        assertThat(web1.identityFiles()).containsExactly("~/.ssh/web_key", "~/.ssh/id with space");
        assertThat(web1.proxyJump()).isEmpty();
    }

    @Test
    void wildcardPatternsMatchAndNegatedPatternsExclude() {
        assertThat(CONFIG.lookup("db.internal").proxyJump()).contains("ops@bastion.clinic.example:2222");
        assertThat(CONFIG.lookup("secret.internal").proxyJump()).isEmpty();
        assertThat(CONFIG.lookup("DB.Internal").proxyJump())
                .as("host patterns ignore case")
                .isPresent();
    }

    @Test
    void anUnlistedHostGetsOnlyTheCatchAllBlock() {
        SshConfigEntry other = CONFIG.lookup("other");

        assertThat(other)
                .isEqualTo(new SshConfigEntry(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("everyone"),
                        List.of("~/.ssh/id with space"),
                        Optional.empty()));
    }

    @Test
    void proxyJumpNoneMeansNoJump() {
        SshConfigFile config = SshConfigFile.parse("Host a\n  ProxyJump none\nHost *\n  ProxyJump bastion\n");

        assertThat(config.lookup("a").proxyJump()).isEmpty();
        assertThat(config.lookup("b").proxyJump()).contains("bastion");
    }

    @Test
    void keyEqualsValueWithSpacesAsOpenSshReadsIt() {
        SshConfigFile config = SshConfigFile.parse(
                "Host a\n  User = root\n  Port= 2200\n  HostName =a.example # comment\n  IdentityFile = \"~/my key\"\n");

        SshConfigEntry a = config.lookup("a");
        assertThat(a.user()).contains("root");
        assertThat(a.port()).contains(2200);
        assertThat(a.hostName()).contains("a.example");
        assertThat(a.identityFiles()).containsExactly("~/my key");
    }

    @Test
    void includeFollowsGlobsRelativeToTheSshFolderOnlyInsideBlocksThatApply(@TempDir Path home) throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(ssh.resolve("10-db.conf"), "Host db\n  HostName db.example\n");
        Files.writeString(ssh.resolve("20-web.conf"), "Host web\n  User deploy\n");
        Files.writeString(ssh.resolve("extra"), "User from-extra\n");
        Path config = Files.writeString(
                home.resolve(".ssh/config"),
                "Include conf.d/*.conf\nHost web\n  Include extra\nHost *\n  User fallback\n");

        SshConfigFile file = SshConfigFile.read(config);

        assertThat(file.lookup("db").hostName()).contains("db.example");
        assertThat(file.lookup("db").user())
                .as("a Host inside an included file ends with it")
                .contains("fallback");
        assertThat(file.lookup("web").user()).contains("deploy");
        assertThat(file.lookup("other").user())
                .as("the Include under 'Host web' is not for other hosts")
                .contains("fallback");
    }

    @Test
    void matchBlocksTestHostOriginalHostUserAndLocalUser() {
        SshConfigFile config = SshConfigFile.parse(String.join(
                "\n",
                "Host app*",
                "  HostName 10.0.0.5",
                "Match host 10.0.0.* !originalhost app9",
                "  Port 2201",
                "Match user deploy",
                "  IdentityFile ~/.ssh/deploy",
                "Match localuser dana originalhost=app1",
                "  ProxyJump bastion",
                "Match all",
                "  ConnectTimeout 7",
                ""));

        SshConfigEntry app1 = config.lookup("app1", Optional.of("deploy"), "dana");
        assertThat(app1.port()).as("Match host tests the HostName already set").contains(2201);
        assertThat(app1.identityFiles()).containsExactly("~/.ssh/deploy");
        assertThat(app1.proxyJump()).contains("bastion");
        assertThat(app1.connectTimeout()).contains(Duration.ofSeconds(7));
        SshConfigEntry app9 = config.lookup("app9", Optional.of("ops"), "lee");
        assertThat(app9.port()).isEmpty();
        assertThat(app9.identityFiles()).isEmpty();
        assertThat(app9.proxyJump()).isEmpty();
    }

    @Test
    void matchExecIsRefusedWithWhereAndWhy() {
        SshConfigFile config =
                SshConfigFile.parse("Host a\n  User x\nMatch exec \"test -f /tmp/flag\"\n  HostName elsewhere\n");

        assertThatThrownBy(() -> config.lookup("a"))
                .isInstanceOf(SshConfigException.class)
                .hasMessageContaining("~/.ssh/config:3: 'Match exec' is refused");
    }

    @Test
    void agentKnownHostsTimeoutsAndUnsupportedKeywordsAreRead() {
        SshConfigFile config = SshConfigFile.parse(String.join(
                "\n",
                "Host a",
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  UserKnownHostsFile ~/.ssh/kh1 ~/.ssh/kh2",
                "  GlobalKnownHostsFile /etc/ssh/ca_known_hosts",
                "  ServerAliveInterval 30",
                "  ServerAliveCountMax 4",
                "  ForwardAgent yes",
                ""));

        SshConfigEntry a = config.lookup("a");
        assertThat(a.identitiesOnly()).contains(true);
        assertThat(a.identityAgent()).contains("none");
        assertThat(a.userKnownHostsFiles()).containsExactly("~/.ssh/kh1", "~/.ssh/kh2");
        assertThat(a.globalKnownHostsFiles()).containsExactly("/etc/ssh/ca_known_hosts");
        assertThat(a.serverAliveInterval()).contains(Duration.ofSeconds(30));
        assertThat(a.serverAliveCountMax()).contains(4);
        assertThat(a.warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "~/.ssh/config:8: 'ForwardAgent yes' applies to a but Flightdeck does not act on ForwardAgent");
    }
}
