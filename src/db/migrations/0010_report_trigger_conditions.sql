-- The deadline-outcome trigger only when an outcome can have changed (measured: intake on
-- PostgreSQL fell from 325 to 222 complaints/s with 0005–0009, partly because each of a new
-- complaint's deadlines, and every re-timing of them, ran the trigger and locked the complaint).
DROP TRIGGER complaint_deadlines_report_outcome ON complaint_deadlines;
CREATE TRIGGER complaint_deadlines_report_outcome_insert AFTER INSERT ON complaint_deadlines
  FOR EACH ROW WHEN (NEW.kind IN ('reply', 'resolution') AND (NEW.met_at IS NOT NULL OR NEW.breached_at IS NOT NULL))
  EXECUTE FUNCTION report_deadline_outcome();
CREATE TRIGGER complaint_deadlines_report_outcome_update AFTER UPDATE OF met_at, breached_at ON complaint_deadlines
  FOR EACH ROW WHEN (NEW.kind IN ('reply', 'resolution')
                     AND (OLD.met_at IS DISTINCT FROM NEW.met_at OR OLD.breached_at IS DISTINCT FROM NEW.breached_at))
  EXECUTE FUNCTION report_deadline_outcome();
CREATE TRIGGER complaint_deadlines_report_outcome_delete AFTER DELETE ON complaint_deadlines
  FOR EACH ROW WHEN (OLD.kind IN ('reply', 'resolution') AND (OLD.met_at IS NOT NULL OR OLD.breached_at IS NOT NULL))
  EXECUTE FUNCTION report_deadline_outcome();
