import { Box, Text } from 'ink';
import type { ScreenProps } from '../screen-props.js';

// Placeholder until the Lab issue builds this screen.
export function LabScreen(props: ScreenProps): React.JSX.Element {
  void props;
  return (
    <Box>
      <Text>Lab: not built yet.</Text>
    </Box>
  );
}
