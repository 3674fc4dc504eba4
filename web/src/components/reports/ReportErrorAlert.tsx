// A report the server refused or could not give: its reason in words.
import { ApiError } from '../../api/client.ts';
import { RefusalAlert } from '../RefusalAlert.tsx';

export function ReportErrorAlert({ error }: { error: unknown }) {
  return <RefusalAlert refusal={error instanceof ApiError ? error : { code: 'NETWORK' }} />;
}
