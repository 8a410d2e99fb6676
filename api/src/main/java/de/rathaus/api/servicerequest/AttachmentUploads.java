package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.HourlyLimit;

/** The citizens' hourly allowance of uploads ({@code rathaus.limits.attachments-per-hour}). */
record AttachmentUploads(HourlyLimit limit) {}
