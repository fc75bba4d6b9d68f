package dev.flightdeck.app.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = FlightdeckCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Flightdeck " + (version == null ? "(development build)" : version)};
    }
}
