// The screening report (batch output) and the Markdown/JSON export of one screening.
export { buildReport, applyInfo, type Report, type ReportResult, type ReportReason, type ReportApply, type ReportUnlock } from "./report.js";
export { exportScreening, exportFormatFor, screeningHandout, type ExportFormat } from "./export.js";
