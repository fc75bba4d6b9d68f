package dev.flightdeck.ui.wizard;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** The header's notices of channels not delivering: a warning chip each, wrapped rather than cut. */
final class ChannelChips {

    private ChannelChips() {}

    static void bind(FlowPane holder, ChannelNotices model) {
        model.notices().addListener((ListChangeListener<ChannelNotices.Notice>) change -> show(holder, model));
        show(holder, model);
    }

    private static void show(FlowPane holder, ChannelNotices model) {
        holder.getChildren()
                .setAll(model.notices().stream().map(ChannelChips::chip).toList());
        holder.setVisible(!holder.getChildren().isEmpty());
        holder.setManaged(holder.isVisible());
    }

    private static Label chip(ChannelNotices.Notice notice) {
        Label chip = new Label("⚠ " + notice.text());
        chip.getStyleClass().add("channel-notice");
        chip.setWrapText(true);
        chip.setMinHeight(Region.USE_PREF_SIZE);
        chip.setTooltip(new Tooltip(notice.detail()));
        chip.setAccessibleText(notice.detail());
        return chip;
    }
}
