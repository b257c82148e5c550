import { Box, Text } from 'ink';
import type { ScreenProps } from '../screen-props.js';

// Placeholder until the Practice issue builds this screen.
export function PracticeScreen(props: ScreenProps): React.JSX.Element {
  void props;
  return (
    <Box>
      <Text>Practice: not built yet.</Text>
    </Box>
  );
}
